## Сообщения lossbot на русском. Ключи те же, что в en.ftl.

span = с { $from } по { $to }
span-months = { $from } – { $to }
