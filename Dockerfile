# The service image: built from this repository with Maven, run on a JRE.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests install

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/launcher/target/classes /app/classes
COPY --from=build /src/launcher/target/classpath.txt /app/classpath.txt
COPY --from=build /root/.m2/repository /root/.m2/repository
ENV JAVA_OPTS="-Xms256m -Xmx1g -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080
VOLUME /data
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -cp /app/classes:$(cat /app/classpath.txt) io.gpconnect.launcher.GpConnectCli \"$@\"", "--"]
CMD ["serve", "--host", "0.0.0.0", "--data-dir", "/data"]
