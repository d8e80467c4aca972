# syntax=docker/dockerfile:1
# Sitrep image: builds the Maven reactor, then runs the shaded jar on a JRE as a non-root user.
# The image's entrypoint is the CLI, so `docker run sitrep:local run ...` or `... topics ...` work as expected.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Only what the build reads. Copying sources, not whole module directories, keeps local target/ dirs out.
COPY pom.xml ./
COPY schemas/pom.xml schemas/pom.xml
COPY schemas/src schemas/src
COPY stream-app/pom.xml stream-app/pom.xml
COPY stream-app/src stream-app/src
# stream-app packages data/gazetteer.csv and data/sample-feed.jsonl as classpath resources.
COPY data data
# -Dmdep.skip=true: the image talks to a real registry, so the embedded one (Apicurio) is not unpacked.
# The cache mount keeps the local Maven repository between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests -Dmdep.skip=true
# The Prometheus JMX exporter agent, off unless JAVA_TOOL_OPTIONS adds -javaagent (deploy/k8s does, see docs/CLUSTER.md).
RUN --mount=type=cache,target=/root/.m2 mvn -B -q -N dependency:copy \
      -Dartifact=io.prometheus.jmx:jmx_prometheus_javaagent:1.0.1 -DoutputDirectory=/src/jmx-exporter -Dmdep.stripVersion=true

FROM eclipse-temurin:17-jre
# A fixed uid/gid. The state dir is created and owned here, so a named volume mounted on it starts writable.
RUN groupadd --system --gid 10001 sitrep \
 && useradd --system --uid 10001 --gid sitrep --home-dir /app --no-create-home --shell /usr/sbin/nologin sitrep \
 && mkdir -p /app /var/lib/sitrep \
 && chown sitrep:sitrep /var/lib/sitrep
COPY --from=build /src/stream-app/target/sitrep.jar /app/sitrep.jar
COPY --from=build /src/jmx-exporter/jmx_prometheus_javaagent.jar /opt/jmx-exporter/jmx_prometheus_javaagent.jar
# `sitrep run` serves /health here (setting http-port).
EXPOSE 8080
# Kafka Streams state (RocksDB stores, checkpoints). Read by the app as the state-dir setting.
ENV SITREP_STATE_DIR=/var/lib/sitrep
USER sitrep
WORKDIR /app
ENTRYPOINT ["java", "-jar", "/app/sitrep.jar"]
