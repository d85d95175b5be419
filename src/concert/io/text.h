// concert/io/text.h — small helpers the line-based readers share.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "concert/core/error.h"
#include "concert/core/strings.h"

namespace concert::text {

struct Line {
  int number = 0;  // 1-based
  std::string content;
};

// Splits on \n, \r\n or a lone \r (old Mac files); drops a UTF-8 byte-order mark.
std::vector<Line> SplitLines(std::string_view text);

// Comma-separated fields with RFC 4180 double quotes ("a, b" and "" inside quotes),
// each trimmed of surrounding spaces.
std::vector<std::string> SplitCsv(std::string_view line);
using concert::Split;  // core/strings.h
using concert::Trim;
bool IsBlank(std::string_view s);

// Whether `s` is a number in plain decimal notation ([+-]digits[.digits][e[+-]digits],
// as YAML 1.2's core schema and JSON write them): no hex, no inf, no nan.
bool IsDecimal(std::string_view s);

// Whether `s` spells infinity or not-a-number: an optional sign, then inf,
// infinity, nan, .inf or .nan in any case. Readers accept the spelling only to
// say "expected a finite number" rather than "expected a number".
bool IsNonFiniteWord(std::string_view s);

// Parses a whole field (IsDecimal) as a finite double; throws InputError
// "expected a number for <what> but got '<field>'".
double ParseNumber(const std::string& field, const ErrorLocation& where, const std::string& what);

// Throws InputError naming the line and column of the first byte that is not
// part of well-formed UTF-8 (overlong forms, surrogates and code points past
// U+10FFFF included), so no reader passes on text that writers cannot emit.
void CheckUtf8(const std::string& path, std::string_view text);

// A lowercase id from a free-text name: letters/digits kept, runs of others -> '_'.
std::string Slug(std::string_view name);

}  // namespace concert::text
