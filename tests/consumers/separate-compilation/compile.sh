#!/bin/sh
# Separate compilation: SIGNALWIRE_SEPARATE_COMPILATION for every TU; main.cpp sees only
# declarations (`extern template`), signalwire_src.cpp compiles the decoders once.
# run.py sets INCLUDE to the headers' directory.
set -eu
flags="${CXXFLAGS:-} -std=c++17 -DSIGNALWIRE_SEPARATE_COMPILATION -I$INCLUDE"
${CXX:-g++} $flags -c main.cpp -o main.o
${CXX:-g++} $flags -c signalwire_src.cpp -o signalwire_src.o
${CXX:-g++} main.o signalwire_src.o -o consumer -lboost_json
