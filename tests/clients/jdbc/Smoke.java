// JDBC smoke test for twinning: the real PostgreSQL JDBC driver (pgjdbc),
// unmodified, against a server given on the command line.
//
//     java -cp OUT:/usr/share/java/postgresql.jar Smoke jdbc:postgresql://H:P/DB USER
//
// Prints one `step=value` line per step (values on one line, newlines
// escaped). tests/test_clients_jdbc_node.py runs it against real PostgreSQL
// 15 and against the twin and compares the outputs step by step. A step that
// fails prints `error:SQLSTATE:message`, so one divergence does not hide the
// steps after it.

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

public final class Smoke {
    private Smoke() {
    }

    private static void out(String step, Object value) {
        String text = String.valueOf(value).replace("\\", "\\\\").replace("\n", "\\n");
        System.out.println(step + "=" + text);
    }

    private static String error(SQLException e) {
        StringBuilder sb = new StringBuilder("error:").append(e.getSQLState());
        if (e instanceof PSQLException) {
            ServerErrorMessage m = ((PSQLException) e).getServerErrorMessage();
            if (m != null) {
                sb.append(':').append(m.getSeverity()).append(':').append(m.getMessage());
                if (m.getPosition() > 0) {
                    sb.append(":position=").append(m.getPosition());
                }
                return sb.toString();
            }
        }
        return sb.append(":client:").append(e.getMessage()).toString();
    }

    /** One row: each column as label/type-name/java-class/value. */
    private static String row(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        StringBuilder sb = new StringBuilder();
        int rows = 0;
        while (rs.next()) {
            rows++;
            for (int i = 1; i <= md.getColumnCount(); i++) {
                Object v = rs.getObject(i);
                sb.append(i == 1 ? "" : " ")
                  .append(md.getColumnLabel(i)).append(':')
                  .append(md.getColumnTypeName(i)).append(':')
                  .append(v == null ? "null" : v.getClass().getSimpleName()).append(':')
                  .append(rs.getString(i));
            }
        }
        return sb.append(" rows=").append(rows).toString();
    }

    private static String query(Connection conn, String sql) {
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return row(rs);
        } catch (SQLException e) {
            return error(e);
        }
    }

    private static String execute(Connection conn, String sql) {
        try (Statement st = conn.createStatement()) {
            boolean hasResult = st.execute(sql);
            return "result=" + hasResult + " count=" + st.getUpdateCount();
        } catch (SQLException e) {
            return error(e);
        }
    }

    private interface Step {
        Object run() throws SQLException;
    }

    private static void step(String name, Step body) {
        try {
            out(name, body.run());
        } catch (SQLException e) {
            out(name, error(e));
        }
    }

    private interface Action {
        void run() throws SQLException;
    }

    /** A step whose answer is "ok" or its error. */
    private static void done(String name, Action action) {
        step(name, () -> {
            action.run();
            return "ok";
        });
    }

    public static void main(String[] args) throws Exception {
        Properties props = new Properties();
        props.setProperty("user", args[1]);
        // default is 5: the 5th execution of a PreparedStatement switches to a
        // named server-side statement (and binary results); keep it explicit
        props.setProperty("prepareThreshold", "5");
        try (Connection conn = DriverManager.getConnection(args[0], props)) {
            out("connect.autocommit", conn.getAutoCommit());
            out("connect.server_major", conn.getMetaData().getDatabaseMajorVersion());
            step("connect.application_name", () -> conn.getClientInfo("ApplicationName"));

            out("select1", query(conn, "SELECT 1"));
            out("select_types", query(conn,
                "SELECT 1::int8 AS a, 'x'::text AS b, 1.50::numeric AS c, true AS d, "
                + "'2024-02-29'::date AS e, 2.5::float8 AS f"));

            // the same PreparedStatement 10 times: unnamed statements first,
            // then a named server-side one from the 5th execution on
            step("prepared_select1", () -> {
                StringBuilder sb = new StringBuilder();
                try (PreparedStatement ps = conn.prepareStatement("SELECT 1")) {
                    for (int i = 0; i < 10; i++) {
                        try (ResultSet rs = ps.executeQuery()) {
                            sb.append(i == 0 ? "" : "|").append(row(rs));
                        }
                    }
                }
                return sb;
            });
            step("prepared_param", () -> {
                StringBuilder sb = new StringBuilder();
                try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int + 1 AS n")) {
                    for (int i = 0; i < 10; i++) {
                        ps.setInt(1, i * 10);
                        try (ResultSet rs = ps.executeQuery()) {
                            sb.append(i == 0 ? "" : "|").append(row(rs));
                        }
                    }
                }
                return sb;
            });
            step("prepared_types", () -> {
                StringBuilder sb = new StringBuilder();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT ?::int8 * 2 AS a, ? || '!' AS b, ?::numeric + 1 AS c, "
                        + "?::bool AS d, ?::date AS e")) {
                    for (int i = 0; i < 7; i++) {
                        ps.setLong(1, 21L + i);
                        ps.setString(2, "x" + i);
                        ps.setBigDecimal(3, new BigDecimal("1.25"));
                        ps.setBoolean(4, i % 2 == 0);
                        ps.setString(5, "2024-02-2" + i);
                        try (ResultSet rs = ps.executeQuery()) {
                            sb.append(i == 0 ? "" : "|").append(row(rs));
                        }
                    }
                }
                return sb;
            });

            out("set_application_name", execute(conn, "SET application_name = 'jdbc-smoke'"));
            out("show_application_name", query(conn, "SHOW application_name"));
            // pgjdbc tracks application_name from ParameterStatus messages
            step("client_info_application_name", () -> conn.getClientInfo("ApplicationName"));

            // transactions: pgjdbc sends BEGIN before the first statement
            conn.setAutoCommit(false);
            out("txn.select2", query(conn, "SELECT 2"));
            out("txn.set", execute(conn, "SET application_name = 'committed'"));
            done("txn.commit", conn::commit);
            out("txn.after_commit", query(conn, "SHOW application_name"));
            out("txn.set_again", execute(conn, "SET application_name = 'rolled-back'"));
            out("txn.show_in_txn", query(conn, "SHOW application_name"));
            done("txn.rollback", conn::rollback);
            out("txn.after_rollback", query(conn, "SHOW application_name"));
            step("txn.client_info_after_rollback", () -> conn.getClientInfo("ApplicationName"));
            out("txn.div0", query(conn, "SELECT 1/0"));
            out("txn.aborted", query(conn, "SELECT 1"));
            done("txn.rollback_aborted", conn::rollback);
            out("txn.after_abort_rollback", query(conn, "SELECT 3"));
            done("txn.commit_empty", conn::commit);
            // a fetch size outside autocommit: pgjdbc runs the query in a
            // portal and fetches it with Execute(max_rows), PortalSuspended
            // between the batches
            step("fetch_size", () -> {
                StringBuilder sb = new StringBuilder();
                try (Statement st = conn.createStatement()) {
                    st.setFetchSize(3);
                    try (ResultSet rs = st.executeQuery(
                            "SELECT g, 'v' || g AS v FROM generate_series(1, 10) g")) {
                        while (rs.next()) {
                            sb.append(rs.getInt(1)).append(rs.getString(2)).append(",");
                        }
                    }
                }
                conn.commit();
                return sb;
            });
            step("fetch_size_prepared", () -> {
                StringBuilder sb = new StringBuilder();
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT g, g * ? AS m FROM generate_series(1, 9) g ORDER BY g DESC")) {
                    ps.setFetchSize(4);
                    for (int round = 0; round < 6; round++) {
                        ps.setInt(1, round);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                sb.append(rs.getInt(2)).append(",");
                            }
                        }
                        sb.append("|");
                    }
                }
                conn.commit();
                return sb;
            });
            conn.setAutoCommit(true);
            // a WARNING NoticeResponse becomes an SQLWarning on the statement
            step("commit_outside_warning", () -> {
                try (Statement st = conn.createStatement()) {
                    st.execute("COMMIT");
                    java.sql.SQLWarning w = st.getWarnings();
                    return w == null ? "none" : w.getSQLState() + ":" + w.getMessage();
                }
            });

            // errors in autocommit mode; the connection stays usable
            out("div0", query(conn, "SELECT 1/0"));
            step("prepared_div0", () -> {
                try (PreparedStatement ps = conn.prepareStatement("SELECT ?::int / 0")) {
                    ps.setInt(1, 1);
                    try (ResultSet rs = ps.executeQuery()) {
                        return row(rs);
                    }
                }
            });
            out("syntax_error", query(conn, "SELEC 1"));
            step("nope.sqlstate", () -> {
                try (Statement st = conn.createStatement()) {
                    st.executeQuery("SELECT * FROM nope");
                    return "no error";
                } catch (SQLException e) {
                    return e.getSQLState();
                }
            });
            out("after_nope", query(conn, "SELECT 4"));
            step("is_valid", () -> conn.isValid(5));
        }
        out("closed", true);
    }
}
