/// @file
/// Everything in one include.
#pragma once

#include "occkit/blocks.hpp"
#include "occkit/cancel.hpp"
#include "occkit/convert.hpp"
#include "occkit/dates.hpp"
#include "occkit/decode.hpp"
#include "occkit/diff.hpp"
#include "occkit/error.hpp"
#include "occkit/findings.hpp"
#include "occkit/io.hpp"
#include "occkit/json.hpp"
#include "occkit/layout.hpp"
#include "occkit/profile.hpp"
#include "occkit/stale.hpp"
#include "occkit/validate.hpp"
#include "occkit/version.hpp"
#include "occkit/wages.hpp"
#include "occkit/xml.hpp"
