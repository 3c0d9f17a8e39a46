#!/bin/bash
# Runs once, when the MariaDB volume is first initialized: one schema and one user per service,
# each user granted only its own schema. Passwords come from the environment (.env), never from
# this repository.
set -euo pipefail
for service in auth catalog orders event notification; do
  var="SHOP_$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="${!var:?$var must be set}"
  mariadb -uroot -p"$MARIADB_ROOT_PASSWORD" <<SQL
CREATE DATABASE IF NOT EXISTS shop_${service} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'shop_${service}'@'%' IDENTIFIED BY '${password}';
GRANT ALL PRIVILEGES ON shop_${service}.* TO 'shop_${service}'@'%';
SQL
done
