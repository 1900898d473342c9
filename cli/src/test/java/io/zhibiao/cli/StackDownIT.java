package io.zhibiao.cli;

import io.zhibiao.stack.Component;
import io.zhibiao.stack.LocalStack;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs after every other end-to-end class: {@code down} stops everything and leaves no listener. */
@Order(Integer.MAX_VALUE)
class StackDownIT {

    @Test
    void downLeavesNoListener() {
        LocalStack stack = EndToEndStack.get();
        List<Integer> ports = stack.components().stream().map(Component::port).toList();
        stack.down();
        for (int port : ports) {
            assertThat(listening(port)).as("port " + port + " after down").isFalse();
        }
        for (Component c : stack.components()) {
            assertThat(c.isRunning()).as(c.name()).isFalse();
        }
    }

    private static boolean listening(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
