// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The small result type every crypto function returns: a value, or an Error that
// says what went wrong. Data errors (a MIC that does not verify, a truncated frame,
// a missing OpenSSL provider) are values, never exceptions.
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace rs::crypto {

enum class ErrorCode {
  InvalidArgument,      // wrong key length, bad passphrase, unknown AKM/cipher number
  Malformed,            // input frame too short or not in the expected format
  Unsupported,          // a valid input this module does not handle (says which)
  IntegrityFailure,     // MIC / key-wrap integrity check failed
  IcvFailure,           // TKIP: CRC-32 ICV mismatch after RC4 (wrong key or corrupted frame)
  MichaelFailure,       // TKIP: ICV fine but the Michael MIC of the MSDU did not verify
  ProviderUnavailable,  // OpenSSL's legacy provider (MD4, RC4, DES) could not be loaded
  LibraryFailure,       // an OpenSSL call failed; the message carries OpenSSL's error text
};

std::string_view errorCodeName(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::LibraryFailure;
  std::string message;

  std::string describe() const;  // "integrity-failure: AES key unwrap: ..."
};

inline Error makeError(ErrorCode code, std::string message) { return Error{code, std::move(message)}; }

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Error error) : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return value_.has_value(); }
  explicit operator bool() const { return ok(); }

  // Accessing the value of a failed result is a programming error (std::bad_optional_access).
  T& value() & { return value_.value(); }
  const T& value() const& { return value_.value(); }
  T&& value() && { return std::move(value_).value(); }
  T& operator*() & { return value_.value(); }
  const T& operator*() const& { return value_.value(); }
  T* operator->() { return &value_.value(); }
  const T* operator->() const { return &value_.value(); }

  const Error& error() const { return error_; }
  ErrorCode code() const { return error_.code; }

 private:
  std::optional<T> value_;
  Error error_;
};

}  // namespace rs::crypto
