# occkit in a container: a multi-stage build on Debian 12. The first stage builds and tests occkit with the packages
# scripts/setup installs; the second holds only the installed program and library with their run-time packages.
#   docker build -t occkit . && docker run --rm -v "$PWD:/work" -w /work occkit validate profiles/
FROM debian:12-slim AS build
WORKDIR /src
COPY scripts/setup scripts/setup
RUN bash scripts/setup && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -S . -B /build -G Ninja -DCMAKE_BUILD_TYPE=Release -DOCCKIT_BUILD_BENCH=OFF \
 && cmake --build /build \
 && ctest --test-dir /build --output-on-failure -E 'install_and_consume|deb_package' \
 && cmake --install /build --prefix /opt/occkit

FROM debian:12-slim
RUN apt-get update -qq \
 && apt-get install -y -qq --no-install-recommends libxml2 libicu72 libpugixml1v5 \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /opt/occkit /opt/occkit
ENV PATH=/opt/occkit/bin:$PATH
# The program finds its library through its RPATH ($ORIGIN/../lib): no ldconfig needed.
RUN occkit --version
ENTRYPOINT ["occkit"]
CMD ["--help"]
