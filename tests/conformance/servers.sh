#!/usr/bin/env bash
# Starts the conformance suite's PostgreSQL and MariaDB servers on 127.0.0.1, or stops them.
#   servers.sh start DIR   makes certificates and servers under DIR, writes DIR/setups.tsv
#   servers.sh stop DIR    stops every server it started there (also after a failed start)
# Per database: `tls` (a certificate for localhost from the CA the client trusts), `untrusted`
# (a certificate for localhost from a CA the client does not trust) and `notls`. The fourth set-up,
# a trusted certificate for another host name, is `tls` reached as 127.0.0.1: the certificate
# names only DNS:localhost.
set -euo pipefail
cmd=${1:?start or stop}
dir=${2:?work directory}
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)

stop() {
    for d in "$dir"/pg-*; do
        [ -f "$d/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$d" -m immediate stop >/dev/null 2>&1 || true
    done
    for p in "$dir"/mariadb-*.pid; do
        [ -f "$p" ] && kill "$(cat "$p")" 2>/dev/null || true
    done
    # MariaDB removes its pid file on exit; wait for that, briefly.
    for _ in $(seq 50); do
        ls "$dir"/mariadb-*.pid >/dev/null 2>&1 || break
        sleep 0.1
    done
}

if [ "$cmd" = stop ]; then
    stop
    exit 0
fi

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 30000))
        ss -ltnH "sport = :$port" | grep -q . || { echo "$port"; return; }
    done
}

mkdir -p "$dir"
chmod 755 "$dir"
cd "$dir"

# --- certificates ---------------------------------------------------------------------------
cert() { # name ca-name
    openssl req -new -newkey rsa:2048 -nodes -keyout "$1.key" -subj "/CN=localhost" -out "$1.csr" 2>/dev/null
    printf 'subjectAltName=DNS:localhost\nbasicConstraints=CA:FALSE\n' >"$1.ext"
    openssl x509 -req -in "$1.csr" -CA "$2.crt" -CAkey "$2.key" -CAcreateserial -days 2 -sha256 \
        -extfile "$1.ext" -out "$1.crt" 2>/dev/null
}
for ca in ca ca-other; do
    openssl req -x509 -newkey rsa:2048 -nodes -keyout $ca.key -subj "/CN=msk-connect-lint conformance $ca" \
        -days 2 -sha256 -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
        -out $ca.crt 2>/dev/null
done
cert server ca
cert server-other ca-other
# What the client trusts by default: pgJDBC's ~/.postgresql/root.crt (the probe's user.home is
# DIR/home) and the JVM's default trust store (javax.net.ssl.trustStore), for MariaDB.
mkdir -p home/.postgresql
cp ca.crt home/.postgresql/root.crt
rm -f truststore.p12
keytool -importcert -noprompt -alias ca -file ca.crt -keystore truststore.p12 -storetype PKCS12 -storepass changeit >/dev/null 2>&1
chmod 644 ./*.crt
chmod 600 ./*.key
: >setups.tsv

# --- PostgreSQL -------------------------------------------------------------------------------
mkdir -p pg-template sock
chown postgres: pg-template sock server.key server-other.key
runuser -u postgres -- "$PGBIN/initdb" -D pg-template -A trust -U postgres --no-sync >/dev/null
echo "host all all 127.0.0.1/32 trust" >pg-template/pg_hba.conf
for setup in tls untrusted notls; do
    cp -a pg-template "pg-$setup"
    port=$(free_port)
    case $setup in
        tls) ssl="-c ssl=on -c ssl_cert_file=$dir/server.crt -c ssl_key_file=$dir/server.key" ;;
        untrusted) ssl="-c ssl=on -c ssl_cert_file=$dir/server-other.crt -c ssl_key_file=$dir/server-other.key" ;;
        notls) ssl="-c ssl=off" ;;
    esac
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "pg-$setup" -w -t 30 -l "$dir/pg-$setup/server.log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c fsync=off $ssl" start >/dev/null
    echo -e "postgresql\t$setup\tlocalhost:$port" >>setups.tsv
    [ $setup = tls ] && echo -e "postgresql\twronghost\t127.0.0.1:$port" >>setups.tsv
done
rm -rf pg-template

# --- MariaDB ----------------------------------------------------------------------------------
mariadb-install-db --user=root --datadir="$dir/mariadb-template" --auth-root-authentication-method=normal \
    --skip-test-db --skip-name-resolve >/dev/null 2>&1
for setup in tls untrusted notls; do
    cp -a mariadb-template "mariadb-$setup"
    port=$(free_port)
    case $setup in
        tls) ssl="--ssl-ca=$dir/ca.crt --ssl-cert=$dir/server.crt --ssl-key=$dir/server.key" ;;
        untrusted) ssl="--ssl-ca=$dir/ca-other.crt --ssl-cert=$dir/server-other.crt --ssl-key=$dir/server-other.key" ;;
        notls) ssl="--skip-ssl" ;;
    esac
    # shellcheck disable=SC2086
    mariadbd --no-defaults --user=root --datadir="$dir/mariadb-$setup" --bind-address=127.0.0.1 --port="$port" \
        --socket="$dir/sock/mariadb-$setup.sock" --pid-file="$dir/mariadb-$setup.pid" --skip-name-resolve \
        --skip-log-bin --innodb-buffer-pool-size=16M $ssl >"mariadb-$setup.log" 2>&1 &
    echo -e "mariadb\t$setup\tlocalhost:$port" >>setups.tsv
    [ $setup = tls ] && echo -e "mariadb\twronghost\t127.0.0.1:$port" >>setups.tsv
done
for setup in tls untrusted notls; do
    for _ in $(seq 300); do
        [ -S "$dir/sock/mariadb-$setup.sock" ] && break
        sleep 0.1
    done
    mariadb --no-defaults -S "$dir/sock/mariadb-$setup.sock" -uroot \
        -e "CREATE USER 'probe'@'127.0.0.1' IDENTIFIED BY 'probe'; GRANT ALL ON *.* TO 'probe'@'127.0.0.1';"
done
rm -rf mariadb-template
