## Повідомлення lossbot українською. Ключі ті самі, що в en.ftl.

span = з { $from } по { $to }
span-months = { $from } – { $to }
