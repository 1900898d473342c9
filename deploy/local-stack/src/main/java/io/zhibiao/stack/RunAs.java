package io.zhibiao.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Elasticsearch and PostgreSQL refuse to run as root. When we are root, they run as an unprivileged
 * system user (created on first use) through {@code setpriv}, which execs in place so the pid we
 * record is the server's own. When we are not root, they simply run as us.
 */
final class RunAs {
    private final String user;
    private final boolean root;

    RunAs(String user) {
        this.user = user;
        this.root = "root".equals(System.getProperty("user.name"));
    }

    boolean dropsPrivileges() {
        return root;
    }

    /** The command, prefixed so that it runs as the unprivileged user when we are root. */
    List<String> wrap(List<String> command) {
        if (!root) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("setpriv", "--reuid=" + user, "--regid=" + user,
                "--init-groups", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Creates the system user when needed and gives it the directories it writes to. */
    void prepare(Path... writable) {
        if (!root) {
            return;
        }
        Path cwd = Path.of(".").toAbsolutePath();
        try {
            Processes.run(List.of("id", "-u", user), Map.of(), cwd, Duration.ofSeconds(10));
        } catch (StackException absent) {
            Processes.run(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", user),
                    Map.of(), cwd, Duration.ofSeconds(30));
        }
        for (Path dir : writable) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new StackException("cannot create " + dir + ": " + e.getMessage(), e);
            }
            Processes.run(List.of("chown", "-R", user + ":", dir.toString()), Map.of(), cwd, Duration.ofMinutes(2));
            requireTraversable(dir);
        }
    }

    /** The unprivileged user must be able to reach its directories through every parent. */
    private void requireTraversable(Path dir) {
        for (Path p = dir.getParent(); p != null; p = p.getParent()) {
            try {
                var perms = Files.getPosixFilePermissions(p);
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    throw new StackException("user '" + user + "' cannot reach " + dir + " because " + p
                            + " is not searchable by others (chmod o+x " + p + ", or set ZHIBIAO_DATA_DIR elsewhere)");
                }
            } catch (IOException e) {
                return;
            }
        }
    }
}
