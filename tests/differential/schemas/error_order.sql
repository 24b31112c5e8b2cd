CREATE TABLE tb (
    k      integer PRIMARY KEY,
    label  varchar(5),
    day    date
);
