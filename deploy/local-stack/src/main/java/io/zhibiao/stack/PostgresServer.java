package io.zhibiao.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * A PostgreSQL server from the relocatable binaries published on Maven Central (io.zonky), so that
 * nothing but a JDK is needed. The ledger database and its user are created on first start.
 */
public final class PostgresServer extends Component {
    private final RunAs runAs;
    /** Where this start's part of the (appended) log begins: readiness is read from there on. */
    private long logOffset;

    public PostgresServer(StackConfig config) {
        super(config);
        this.runAs = new RunAs(config.runAs());
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public int port() {
        return config.ports().postgres();
    }

    @Override
    public String url() {
        return config.jdbcUrl();
    }

    private Path state() {
        return config.dataDir().resolve("postgres");
    }

    @Override
    protected Process launch() {
        Path bin = install().resolve("bin");
        Path data = state().resolve("data");
        Path sockets = state().resolve("sockets");
        try {
            Files.createDirectories(sockets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        runAs.prepare(state());
        if (!Files.exists(data.resolve("PG_VERSION"))) {
            initialise(bin, data);
        }
        try {
            logOffset = Files.exists(log()) ? Files.size(log()) : 0;
        } catch (IOException e) {
            logOffset = 0;
        }
        return Processes.spawn(runAs.wrap(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                        "-p", String.valueOf(port()), "-h", "127.0.0.1", "-k", sockets.toString())),
                Map.of("LC_ALL", "C"), state(), log());
    }

    private void initialise(Path bin, Path data) {
        Path pw = state().resolve("pwfile");
        try {
            Files.writeString(pw, config.postgresPassword() + "\n");
            runAs.prepare(state());
            Processes.run(runAs.wrap(List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                            "-U", StackConfig.DATABASE_USER, "--pwfile=" + pw, "-A", "scram-sha-256", "-E", "UTF8",
                            "--locale=C")),
                    Map.of("LC_ALL", "C"), state(), Duration.ofMinutes(2));
            // single-user mode creates the database before the server ever listens
            Path sql = state().resolve("create-database.sql");
            Files.writeString(sql, "CREATE DATABASE " + StackConfig.DATABASE + ";\n", StandardCharsets.UTF_8);
            runAs.prepare(state());
            Processes.run(List.of("sh", "-c", String.join(" ", runAs.wrap(List.of(
                            bin.resolve("postgres").toString(), "--single", "-D", data.toString(), "postgres")))
                            + " < " + sql),
                    Map.of("LC_ALL", "C"), state(), Duration.ofMinutes(1));
            Files.deleteIfExists(pw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unpacks the binaries (a .txz inside the jar) once into the packages directory. */
    private Path install() {
        Path home = config.packages().resolve("postgres-" + StackLayout.POSTGRES_VERSION);
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            return home;
        }
        Path partial = config.packages().resolve("postgres.partial");
        Processes.deleteRecursively(partial);
        try {
            Files.createDirectories(partial);
            Path txz = partial.resolve("postgres.txz");
            try (ZipFile jar = new ZipFile(config.layout().postgresBinariesJar().toFile())) {
                var entry = jar.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                        .orElseThrow(() -> new StackException("no .txz in " + config.layout().postgresBinariesJar()));
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, txz);
                }
            }
            Path tree = partial.resolve("tree");
            Files.createDirectories(tree);
            Processes.run(List.of("tar", "-xJf", txz.toString(), "-C", tree.toString()), Map.of(), partial,
                    Duration.ofMinutes(2));
            Files.move(tree, home, StandardCopyOption.ATOMIC_MOVE);
            Processes.deleteRecursively(partial);
        } catch (IOException e) {
            throw new StackException("cannot unpack PostgreSQL: " + e.getMessage(), e);
        }
        return home;
    }

    @Override
    protected boolean ready() {
        if (!Processes.portOpen(port())) {
            return false;
        }
        try {
            String text = Files.readString(log());
            return text.substring((int) Math.min(logOffset, text.length()))
                    .contains("database system is ready to accept connections");
        } catch (IOException e) {
            return false;
        }
    }
}
