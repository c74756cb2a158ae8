# The service image: built from this repository with Maven, run on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests install
# The launcher's runtime jars, own modules included, taken from the local repository the install just filled.
# (launcher/target/classpath.txt from the reactor build points into /src/*/target, which the image leaves behind.)
RUN mvn -B -q -o -pl launcher dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory=/app/lib

FROM eclipse-temurin:17-jre
# curl runs the compose healthcheck; the base image ships it today "for historical reasons", so make sure.
RUN command -v curl >/dev/null || (apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*)
WORKDIR /app
COPY --from=build /src/launcher/target/classes /app/classes
COPY --from=build /app/lib /app/lib
ENV JAVA_OPTS="-Xms256m -Xmx768m -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
# Fewer glibc malloc arenas for RocksDB's many allocating threads: less resident memory (docs/performance.md, session 13)
ENV MALLOC_ARENA_MAX=2
EXPOSE 8080
VOLUME /data
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp '/app/classes:/app/lib/*' io.gpconnect.launcher.GpConnectCli \"$@\"", "--"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--data-dir", "/data"]
