#!/bin/sh
# A vendored copy: include/ copied into the SDK's tree (third_party/signalwire-models),
# Boost.JSON header-only (boost/json/src.hpp in one TU, no -lboost_json), exceptions and
# RTTI off in the SDK's code. Boost 1.81's own src.hpp does not compile without
# exceptions (a catch in value.ipp), so that one TU keeps them, as a prebuilt
# libboost_json would. run.py copies the headers to third_party/ first.
set -eu
flags="${CXXFLAGS:-} -std=c++17 -Ithird_party/signalwire-models/include"
${CXX:-g++} $flags -fno-exceptions -fno-rtti -c main.cpp -o main.o
${CXX:-g++} $flags -fno-exceptions -fno-rtti -c throw_exception.cpp -o throw_exception.o
${CXX:-g++} $flags -c boost_json_src.cpp -o boost_json_src.o
${CXX:-g++} main.o throw_exception.o boost_json_src.o -o consumer
