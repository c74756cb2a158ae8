package io.gpconnect.launcher.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingChecksTest {
    @TempDir
    Path dir;

    @Test
    void portsOutsideTheTcpRangeAreRefused() {
        assertThat(SettingChecks.port("--port", 0)).isZero();
        assertThat(SettingChecks.port("--port", 65535)).isEqualTo(65535);
        assertThatThrownBy(() -> SettingChecks.port("--port", 65536)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("--port 65536 is out of range: a port is 1-65535 (0 for any free port)");
        assertThatThrownBy(() -> SettingChecks.port("--port", -1)).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void odsCodesAreUpperCaseLettersAndDigits() {
        assertThat(SettingChecks.odsCodes("--ods", List.of("A20047", "RNR01", "GPCA0001"))).hasSize(3);
        assertThatThrownBy(() -> SettingChecks.odsCodes("--ods", List.of("A20047", "a2004!")))
                .hasMessage("--ods 'a2004!' is not an ODS code: 3 to 10 upper-case letters and digits, e.g. A20047");
        assertThatThrownBy(() -> SettingChecks.odsCodes("--ods", List.of("AB"))).isInstanceOf(InvalidSettingException.class);
        assertThatThrownBy(() -> SettingChecks.odsCodes("--ods", List.of())).hasMessageContaining("names no practice");
    }

    @Test
    void intervalsMustBePositive() {
        assertThat(SettingChecks.positive("--commit-interval-ms", 1)).isEqualTo(1);
        assertThatThrownBy(() -> SettingChecks.positive("--commit-interval-ms", 0))
                .hasMessage("--commit-interval-ms must be greater than 0, not 0");
        assertThatThrownBy(() -> SettingChecks.positive("--decision-timeout-ms", -5)).isInstanceOf(InvalidSettingException.class);
    }

    @Test
    void aDataDirectoryIsCreatedAndMustTakeWrites() throws Exception {
        Path fresh = dir.resolve("a/b");
        assertThat(SettingChecks.writableDirectory("--data-dir", fresh)).isDirectory();
        assertThat(fresh).isEmptyDirectory(); // the write check leaves nothing behind

        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> SettingChecks.writableDirectory("--data-dir", file.resolve("data")))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("--data-dir " + file.resolve("data") + " cannot be created");
        assertThatThrownBy(() -> SettingChecks.writableDirectory("--data-dir", file))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining(file.toString());
    }

    @Test
    void bootstrapServersAreHostPortPairs() {
        assertThat(SettingChecks.bootstrapServers("--bootstrap-servers", "kafka-1:9092,kafka-2:9092, 10.0.0.3:9093,[::1]:9092"))
                .startsWith("kafka-1");
        for (String bad : List.of("kafka-1", "kafka-1:", "kafka-1:99999", ":9092", "kafka-1:9092,", "http://kafka:9092", "ka fka:9092")) {
            assertThatThrownBy(() -> SettingChecks.bootstrapServers("--bootstrap-servers", bad)).as(bad)
                    .isInstanceOf(InvalidSettingException.class).hasMessageContaining("is malformed");
        }
    }

    @Test
    void registryUrlsAreAbsoluteHttp() {
        assertThat(SettingChecks.httpUrl("--registry-url", "http://registry:8080/apis/registry/v3")).isNotNull();
        assertThat(SettingChecks.httpUrl("--registry-url", "https://registry.example/apis/registry/v3")).isNotNull();
        for (String bad : List.of("registry:8080", "ftp://registry/x", "http:///nohost", "http://bad host/")) {
            assertThatThrownBy(() -> SettingChecks.httpUrl("--registry-url", bad)).as(bad).isInstanceOf(InvalidSettingException.class);
        }
    }
}
