#include "concert/io/read.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "concert/core/limits.h"
#include "concert/core/sha256.h"
#include "concert/io/text.h"

namespace concert {
namespace {

struct FormatName {
  InputFormat format;
  const char* name;
};
constexpr FormatName kFormats[] = {{InputFormat::kYaml, "yaml"},
                                   {InputFormat::kJson, "json"},
                                   {InputFormat::kKtab, "ktab"},
                                   {InputFormat::kDecide, "decide"},
                                   {InputFormat::kBdm, "bdm"}};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

std::string Extension(const std::string& path) {
  std::size_t slash = path.find_last_of('/');
  std::size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  return Lower(path.substr(dot + 1));
}

bool LooksLikeBdmHeader(const std::string& line) {
  std::vector<std::string> f = text::Split(line, ',');
  if (f.size() != 4) return false;
  return Lower(text::Trim(f[2])) == "position" && Lower(text::Trim(f[3])) == "salience";
}

}  // namespace

InputFormat ParseInputFormat(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  for (const auto& f : kFormats) {
    if (name == f.name) return f.format;
  }
  throw InputError({"", 0, "input_format"},
                   fmt::format("unknown input format '{}'; expected one of: auto, {}", name,
                               fmt::join(InputFormatNames(), ", ")));
}

std::string InputFormatName(InputFormat format) {
  for (const auto& f : kFormats) {
    if (f.format == format) return f.name;
  }
  return "auto";
}

std::vector<std::string> InputFormatNames() {
  std::vector<std::string> names;
  for (const auto& f : kFormats) names.emplace_back(f.name);
  return names;
}

namespace {

// "key:" or "key: value" with a plain key, as a YAML mapping begins.
bool LooksLikeYamlKey(const std::string& line) {
  std::size_t k = 0;
  while (k < line.size() && (std::isalnum(static_cast<unsigned char>(line[k])) || line[k] == '_')) {
    ++k;
  }
  return k > 0 && k < line.size() && line[k] == ':' && (k + 1 == line.size() || line[k + 1] == ' ');
}

}  // namespace

InputFormat DetectInputFormat(const std::string& path, std::string_view text) {
  const std::string ext = Extension(path);
  if (ext == "yaml" || ext == "yml") return InputFormat::kYaml;
  if (ext == "json") return InputFormat::kJson;
  std::vector<text::Line> lines;
  for (auto& line : text::SplitLines(text)) {
    const std::string t = text::Trim(line.content);
    // YAML comments ("# ...", "#"); DECIDE's tags (#A, #P, ...) have no space.
    const bool comment = t == "#" || t.rfind("# ", 0) == 0;
    if (!text::IsBlank(line.content) && !comment) lines.push_back(std::move(line));
    if (lines.size() == 2) break;
  }
  if (lines.empty()) throw InputError({path, 0, ""}, "the file is empty; expected a scenario");
  const std::string first = text::Trim(lines[0].content);
  std::string tag = first.substr(first.rfind("'#", 0) == 0 ? 1 : 0, 2);
  if (tag == "#A" || tag == "#P" || tag == "#M" || tag == "#D" || tag == "#/" || tag == "#O") {
    return InputFormat::kDecide;
  }
  if (first.front() == '{') return InputFormat::kJson;
  if (LooksLikeYamlKey(first)) return InputFormat::kYaml;
  if (LooksLikeBdmHeader(first)) return InputFormat::kBdm;
  if (lines.size() == 2) {
    std::vector<std::string> head = text::Split(first, ',');
    std::vector<std::string> header = text::Split(lines[1].content, ',');
    if (head.size() >= 4 && header.size() >= 5) return InputFormat::kKtab;
  }
  throw InputError({path, 0, ""},
                   fmt::format("cannot tell the format of this file; name its input format "
                               "({})",
                               fmt::join(InputFormatNames(), ", ")));
}

Scenario ReadScenario(const std::string& path, std::string_view text, InputFormat format) {
  text::CheckUtf8(path, text);
  if (format == InputFormat::kAuto) format = DetectInputFormat(path, text);
  ScenarioDraft draft;
  switch (format) {
    case InputFormat::kYaml:
      draft = ReadNativeDraft(path, text, false);
      break;
    case InputFormat::kJson:
      draft = ReadNativeDraft(path, text, true);
      break;
    case InputFormat::kKtab:
      draft = ReadKtabDraft(path, text);
      break;
    case InputFormat::kDecide:
      draft = ReadDecideDraft(path, text);
      break;
    case InputFormat::kBdm:
      draft = ReadBdmDraft(path, text);
      break;
    case InputFormat::kAuto:
      break;
  }
  draft.sha256 = Sha256Hex(text);
  if (draft.name.empty()) {
    std::size_t slash = path.find_last_of('/');
    std::string base = slash == std::string::npos ? path : path.substr(slash + 1);
    draft.name = base.substr(0, base.find_last_of('.'));
  }
  return BuildScenario(draft);
}

std::string ReadTextFile(const std::string& path) {
  const std::size_t cap = GetLimits().max_input_bytes;
  const bool standard_input = path == "-";
  const int fd = standard_input ? 0 : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw InputError({path, 0, ""},
                     fmt::format("cannot open the file for reading: {}", std::strerror(errno)));
  }
  struct Closer {
    int fd;
    bool own;
    ~Closer() {
      if (own) ::close(fd);
    }
  } closer{fd, !standard_input};
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    throw InputError({path, 0, ""}, fmt::format("cannot read the file: {}", std::strerror(errno)));
  }
  // Regular files, pipes (`<(...)`, FIFOs) and standard input; never a device
  // such as /dev/zero or /dev/urandom, which would never end.
  if (S_ISDIR(info.st_mode)) {
    throw InputError({path, 0, ""}, "this is a directory; expected a scenario file");
  }
  if (!S_ISREG(info.st_mode) && !S_ISFIFO(info.st_mode) && !standard_input) {
    throw InputError({path, 0, ""},
                     "this is not a regular file (a device or socket); expected a scenario file");
  }
  const std::string limit_note = fmt::format("the input limit is {} (raise it with --max-input-mb)",
                                             FormatBytes(static_cast<double>(cap)));
  if (S_ISREG(info.st_mode) && static_cast<std::size_t>(info.st_size) > cap) {
    throw InputError({path, 0, ""},
                     fmt::format("the file is {}; {}",
                                 FormatBytes(static_cast<double>(info.st_size)), limit_note));
  }
  std::string bytes;
  char buffer[1 << 16];
  while (true) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      throw InputError({path, 0, ""},
                       fmt::format("cannot read the file: {}", std::strerror(errno)));
    }
    if (n == 0) break;
    if (bytes.size() + static_cast<std::size_t>(n) > cap) {
      throw InputError({path, 0, ""}, "the input is larger than the limit; " + limit_note);
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  return bytes;
}

Scenario ReadScenarioFile(const std::string& path, InputFormat format) {
  return ReadScenario(path, ReadTextFile(path), format);
}

}  // namespace concert
