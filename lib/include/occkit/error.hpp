/// @file
/// One exception type for every failure the library reports; the tools catch it per input file.
#pragma once

#include "occkit/api.hpp"

#include <stdexcept>
#include <string>

OCCKIT_BEGIN_NAMESPACE

/// What every library call throws: a one-line reason that names the file (and line) it is about.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

OCCKIT_END_NAMESPACE
