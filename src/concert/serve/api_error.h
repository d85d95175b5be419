// concert/serve/api_error.h — a refused API request: an HTTP status and its JSON body.
#pragma once

#include <stdexcept>
#include <string>

#include "concert/core/error.h"

namespace concert::serve {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string body)
      : std::runtime_error(body), status_(status), body_(std::move(body)) {}
  int status() const { return status_; }
  const std::string& body() const { return body_; }

 private:
  int status_;
  std::string body_;
};

// {"error": message} with `status`.
ApiError Refuse(int status, const std::string& message);
// An input error as {"error": what the CLI prints, "file", "line", "field"}, status 422.
ApiError Refuse(const InputError& error);

}  // namespace concert::serve
