// The conformance suite's probe: connects with every case to every set-up of its database, in one
// JVM, and records what happened as the server saw it (TLS or plaintext) or how the driver failed.
//
//   java -cp DRIVERS:. Probe cases.tsv setups.tsv outcomes.tsv versions.tsv
// cases.tsv:    id, database, URL template ({hostport}), then driver properties as name=value
// setups.tsv:   database, set-up, host:port
// outcomes.tsv: id, set-up, outcome (`tls`, `plain` or `fail: <exception>: <message>`)
// versions.tsv: the drivers' and servers' versions

import java.io.PrintWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

public class Probe {
    /** A custom host name verifier that accepts every name: what a user's own class might do. */
    public static class AcceptAnyName implements HostnameVerifier {
        public boolean verify(String host, SSLSession session) {
            return true;
        }
    }

    /** A custom socket factory that trusts every certificate. */
    public static class TrustAll extends SSLSocketFactory {
        private final SSLSocketFactory inner;

        public TrustAll() throws Exception {
            TrustManager any = new X509TrustManager() {
                public void checkClientTrusted(X509Certificate[] c, String a) {}
                public void checkServerTrusted(X509Certificate[] c, String a) {}
                public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            };
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {any}, null);
            inner = context.getSocketFactory();
        }

        public String[] getDefaultCipherSuites() { return inner.getDefaultCipherSuites(); }
        public String[] getSupportedCipherSuites() { return inner.getSupportedCipherSuites(); }
        public Socket createSocket(Socket s, String h, int p, boolean a) throws java.io.IOException { return inner.createSocket(s, h, p, a); }
        public Socket createSocket(String h, int p) throws java.io.IOException { return inner.createSocket(h, p); }
        public Socket createSocket(String h, int p, java.net.InetAddress l, int lp) throws java.io.IOException { return inner.createSocket(h, p, l, lp); }
        public Socket createSocket(java.net.InetAddress h, int p) throws java.io.IOException { return inner.createSocket(h, p); }
        public Socket createSocket(java.net.InetAddress h, int p, java.net.InetAddress l, int lp) throws java.io.IOException { return inner.createSocket(h, p, l, lp); }
    }

    public static void main(String[] args) throws Exception {
        Class.forName("org.postgresql.Driver");
        Class.forName("org.mariadb.jdbc.Driver");
        DriverManager.setLoginTimeout(5);
        List<String[]> setups = new ArrayList<>();
        for (String line : Files.readAllLines(Paths.get(args[1]), StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) setups.add(line.split("\t", -1));
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Paths.get(args[2]), StandardCharsets.UTF_8))) {
            for (String line : Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8)) {
                if (line.isEmpty()) continue;
                String[] f = line.split("\t", -1);
                for (String[] setup : setups) {
                    if (!setup[0].equals(f[1])) continue;
                    out.println(f[0] + "\t" + setup[1] + "\t" + probe(f, setup[2]));
                }
            }
        }
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Paths.get(args[3]), StandardCharsets.UTF_8))) {
            out.println("pgjdbc\t" + org.postgresql.util.DriverInfo.DRIVER_VERSION);
            // pom.properties works for every Connector/J line (the class holding the version moved in 3.x).
            Properties pom = new Properties();
            try (java.io.InputStream in = org.mariadb.jdbc.Driver.class.getResourceAsStream(
                    "/META-INF/maven/org.mariadb.jdbc/mariadb-java-client/pom.properties")) {
                if (in != null) pom.load(in);
            }
            out.println("mariadb-connector-j\t" + pom.getProperty("version"));
            for (String[] setup : setups) {
                if (!setup[1].equals("notls")) continue;
                boolean pg = setup[0].equals("postgresql");
                String url = pg ? "jdbc:postgresql://" + setup[2] + "/postgres" : "jdbc:mariadb://" + setup[2] + "/mysql";
                try (Connection c = DriverManager.getConnection(url, pg ? "postgres" : "probe", pg ? "" : "probe");
                        Statement s = c.createStatement();
                        ResultSet r = s.executeQuery(pg ? "SHOW server_version" : "SELECT VERSION()")) {
                    r.next();
                    out.println(setup[0] + "-server\t" + r.getString(1));
                }
            }
        }
    }

    static String probe(String[] f, String hostport) {
        boolean pg = f[1].equals("postgresql");
        String url = f[2].replace("{hostport}", hostport);
        Properties props = new Properties();
        props.setProperty("user", pg ? "postgres" : "probe");
        props.setProperty("password", pg ? "" : "probe");
        // Bounded: no case may hang the suite.
        props.setProperty("connectTimeout", pg ? "5" : "5000");
        props.setProperty("socketTimeout", pg ? "10" : "10000");
        for (int i = 3; i < f.length; i++) {
            int eq = f[i].indexOf('=');
            props.setProperty(f[i].substring(0, eq), f[i].substring(eq + 1));
        }
        try (Connection c = DriverManager.getConnection(url, props); Statement s = c.createStatement()) {
            String query = pg
                ? "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
                : "SHOW SESSION STATUS LIKE 'Ssl_cipher'";
            try (ResultSet r = s.executeQuery(query)) {
                if (!r.next()) return "fail: no status row";
                boolean tls = pg ? r.getBoolean(1) : !r.getString(2).isEmpty();
                return tls ? "tls" : "plain";
            }
        } catch (Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) root = root.getCause();
            String message = e.getClass().getSimpleName() + ": " + e.getMessage()
                + (root == e ? "" : " / " + root.getClass().getSimpleName() + ": " + root.getMessage());
            return "fail: " + message.replaceAll("\\s+", " ");
        }
    }
}
