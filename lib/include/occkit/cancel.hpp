/// @file
/// Cooperative cancellation of the long library calls (convert, diff, validate, export, stale).
///
/// One process-wide flag, so a signal handler can set it: request_cancel() is a lock-free atomic store and safe to
/// call from a signal handler. The long loops (HTML parsing, the layout pass over blocks, the diff's alignment,
/// validation and export over sections) poll it and throw occkit::Cancelled, which is an occkit::Error, so a caller
/// that already catches Error per input needs nothing more. The flag stays set until reset_cancel().
#pragma once

#include "occkit/api.hpp"

#include "occkit/error.hpp"

OCCKIT_BEGIN_NAMESPACE

/// Thrown by a long call when cancellation was requested (request_cancel).
class Cancelled : public Error {
public:
    Cancelled() : Error("cancelled", ErrorCode::cancelled) {}
};

void request_cancel() noexcept;    ///< async-signal-safe; every call in progress ends soon with Cancelled
void reset_cancel() noexcept;      ///< calls may run again
bool cancel_requested() noexcept;  ///< cheap (one relaxed atomic load): fine in an inner loop
void throw_if_cancelled();         ///< throws Cancelled when requested

OCCKIT_END_NAMESPACE
