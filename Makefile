# vpmon: `make run` builds and generates the example stack; `make test` runs every test,
# installing Prometheus' tools from Debian first when they are missing.
SHELL := /bin/bash
PREFIX ?= /usr/local
MVN ?= mvn -B -q
SPEC ?= examples/visionplant.yaml
OUT ?= out
JAR := target/vpmon.jar
LAUNCHER := target/vpmon
# Class-data sharing archive: the classes a generate run loads, pre-parsed, so start-up is shorter.
CDS := target/vpmon.jsa
SOURCES := $(shell find src/main templates -type f 2>/dev/null) pom.xml
# Debian packages the tests run for real: promtool, amtool and the servers they come with.
APT_PACKAGES := prometheus prometheus-alertmanager prometheus-pushgateway
APT_TOOLS := promtool amtool prometheus-alertmanager prometheus-pushgateway

.PHONY: all build run test deps install completions bench clean

all: build

build: $(LAUNCHER) $(CDS)

$(JAR): $(SOURCES)
	$(MVN) -DskipTests -Dgit.revision=$$(git rev-parse --short HEAD 2>/dev/null || echo unknown) package

$(LAUNCHER): $(JAR) src/main/dist/vpmon
	cp src/main/dist/vpmon $(LAUNCHER)
	chmod +x $(LAUNCHER)

$(CDS): $(JAR)
	rm -rf target/cds-training
	java -XX:ArchiveClassesAtExit=$(CDS) -XX:+UseSerialGC -Xlog:cds=off,cds+dynamic=off \
	  -jar $(JAR) generate -f examples/visionplant.yaml -o target/cds-training >/dev/null
	rm -rf target/cds-training

run: build
	$(LAUNCHER) generate -f $(SPEC) -o $(OUT)

test: deps
	$(MVN) -Dgit.revision=$$(git rev-parse --short HEAD 2>/dev/null || echo unknown) verify

# Installs the Debian packages whose tools are missing, without starting their services.
deps:
	@missing=""; for tool in $(APT_TOOLS); do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing $(APT_PACKAGES) (missing:$$missing)"; \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  policy=/usr/sbin/policy-rc.d; added=""; \
	  if [ ! -e $$policy ]; then printf '#!/bin/sh\nexit 101\n' | $$sudo tee $$policy >/dev/null; $$sudo chmod +x $$policy; added=1; fi; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(APT_PACKAGES) \
	    || { $$sudo apt-get update -q && $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $(APT_PACKAGES); }; \
	  status=$$?; [ -n "$$added" ] && $$sudo rm -f $$policy; \
	  [ $$status = 0 ] || exit $$status; \
	fi; \
	for tool in $(APT_TOOLS); do command -v $$tool >/dev/null || { echo "error: $$tool still missing" >&2; exit 1; }; done

install: build
	install -d $(PREFIX)/bin $(PREFIX)/lib/vpmon
	install -m 0644 $(JAR) $(PREFIX)/lib/vpmon/vpmon.jar
	install -m 0755 $(LAUNCHER) $(PREFIX)/lib/vpmon/vpmon
	install -m 0644 $(CDS) $(PREFIX)/lib/vpmon/vpmon.jsa
	ln -sf ../lib/vpmon/vpmon $(PREFIX)/bin/vpmon

completions: build
	$(LAUNCHER) completion > completions/vpmon.bash

# Benchmarks print figures and ratios; they never fail on timing. The drift one compares with the
# seed's Python pipeline, which needs Debian's PIL, numpy and scipy for /usr/bin/python3.
bench: build deps
	@/usr/bin/python3 -c 'import PIL, numpy, scipy' 2>/dev/null || { \
	  sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo"; \
	  $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
	    python3-pil python3-numpy python3-scipy; }
	bench/generate.py
	bench/alert/run.sh
	/usr/bin/python3 bench/drift/bench.py

clean:
	rm -rf target $(OUT)
