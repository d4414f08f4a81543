// PNG encoding of an opaque canvas with Node's own zlib. Skia's encoder (canvas.encode('png'))
// offers no compression settings and spends most of a chart's time there; a chart is mostly flat
// colour, which zlib's run-length strategy after the "Up" filter packs about as small, several
// times faster. The deflate runs on libuv's thread pool, off the event loop.
import { promisify } from 'node:util';
import { constants, crc32, deflate } from 'node:zlib';

const deflateAsync = promisify(deflate);

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const FILTER_UP = 2;

function chunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)) >>> 0, 8 + data.length);
  return out;
}

/**
 * Rows of RGB with the "Up" filter (each byte less the one above it), from RGBA pixels whose alpha
 * is dropped: the caller's canvas must be opaque everywhere (the charts paint their background).
 */
export function filterRows(rgba: Uint8Array, width: number, height: number): Buffer {
  const stride = width * 3;
  const out = Buffer.allocUnsafe((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    let d = y * (stride + 1);
    out[d++] = FILTER_UP;
    let s = y * width * 4;
    if (y === 0) {
      for (let x = 0; x < width; x++, s += 4) {
        out[d++] = rgba[s]!;
        out[d++] = rgba[s + 1]!;
        out[d++] = rgba[s + 2]!;
      }
    } else {
      let p = s - width * 4;
      for (let x = 0; x < width; x++, s += 4, p += 4) {
        out[d++] = (rgba[s]! - rgba[p]!) & 0xff;
        out[d++] = (rgba[s + 1]! - rgba[p + 1]!) & 0xff;
        out[d++] = (rgba[s + 2]! - rgba[p + 2]!) & 0xff;
      }
    }
  }
  return out;
}

/** An 8-bit RGB PNG of `width` x `height` RGBA pixels (non-premultiplied or opaque). */
export async function encodeOpaquePng(rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  if (rgba.length !== width * height * 4) throw new Error(`expected ${width * height * 4} bytes of RGBA pixels, got ${rgba.length}`);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bits per sample
  ihdr[9] = 2; // colour type: RGB
  // compression 0, filter method 0, no interlace: already zero
  const idat = await deflateAsync(filterRows(rgba, width, height), { level: 6, strategy: constants.Z_RLE });
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}
