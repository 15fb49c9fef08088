#!/bin/sh
# A consumer with no build system: a bare compiler, the flags from signalwire-models.pc.
# run.py sets PKG_CONFIG_PATH (and PKG_CONFIG_SYSROOT_DIR, for its staged install).
set -eu
${CXX:-g++} ${CXXFLAGS:-} -std=c++17 main.cpp -o consumer $(pkg-config --cflags --libs signalwire-models)
