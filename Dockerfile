# The app's image for docker-compose.yml (service "app"). Three stages, every base image pinned by tag:
#   web:   Node.js builds the pages (src/main/frontend: npm ci + vite build)
#   build: Maven + JDK 21 builds the jar; the pages built above go into its classpath (/static), so the Maven build
#          runs with -Dfrontend.skip=true and needs no Node.js; -Dkeycloak.skip=true: no test Keycloak is unpacked
#   run:   a JRE 21, the jar, a non-root user
# docker compose builds it by itself (`docker compose up`); alone: docker build -t order-fulfillment .

FROM node:20.19-bookworm-slim AS web
WORKDIR /build/src/main/frontend
COPY src/main/frontend/package.json src/main/frontend/package-lock.json src/main/frontend/.npmrc ./
RUN IBM_TELEMETRY_DISABLED=true npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
COPY src/main/frontend/ ./
RUN WEB_OUT_DIR=/build/static npm run build --silent

FROM maven:3.9.11-eclipse-temurin-21 AS build
WORKDIR /build
COPY pom.xml ./
# the dependencies in a layer of their own: a change of the sources does not download them again
RUN mvn -B -q -ntp -Dfrontend.skip=true -Dkeycloak.skip=true dependency:go-offline || true
COPY src/ src/
COPY workers/ workers/
COPY processes/ processes/
COPY forms/ forms/
COPY --from=web /build/static/ src/main/resources/static/
RUN mvn -B -q -ntp -Dfrontend.skip=true -Dkeycloak.skip=true -DskipTests package \
 && cp target/order-fulfillment-*.jar /build/app.jar

FROM eclipse-temurin:21.0.8_9-jre-noble AS run
RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home app
WORKDIR /app
COPY --from=build --chown=root:root /build/app.jar /app/app.jar
USER 10001:10001
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# the same probe as docker-compose.yml's healthcheck: the actuator's health answers 200 when the app is UP
HEALTHCHECK --interval=10s --timeout=5s --start-period=90s --retries=30 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200'"]
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
