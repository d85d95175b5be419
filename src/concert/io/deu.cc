#include "concert/io/deu.h"

#include <fmt/format.h>

#include <set>
#include <sstream>
#include <utility>

#include "concert/core/error.h"
#include "concert/io/read.h"
#include "concert/io/text.h"

namespace concert {
namespace {

struct Table {
  std::string path;
  std::vector<std::string> header;
  std::vector<text::Line> rows;

  std::size_t Column(const std::string& name) const {
    for (std::size_t k = 0; k < header.size(); ++k) {
      if (header[k] == name) return k;
    }
    throw InputError({path, 1, name}, fmt::format("missing column '{}' in the header", name));
  }
};

Table ReadTable(const std::string& path) {
  const std::string bytes = ReadTextFile(path);  // a regular file under the size cap
  text::CheckUtf8(path, bytes);
  Table table;
  table.path = path;
  std::vector<text::Line> lines = text::SplitLines(bytes);
  if (lines.empty()) throw InputError({path, 0, ""}, "the file is empty; expected a header line");
  table.header = text::SplitCsv(lines[0].content);
  for (std::size_t k = 1; k < lines.size(); ++k) {
    if (!text::IsBlank(lines[k].content)) table.rows.push_back(lines[k]);
  }
  return table;
}

std::vector<std::string> Fields(const Table& t, const text::Line& line) {
  std::vector<std::string> f = text::SplitCsv(line.content);
  if (f.size() != t.header.size()) {
    throw InputError({t.path, line.number, ""},
                     fmt::format("expected {} columns but got {}", t.header.size(), f.size()));
  }
  return f;
}

std::optional<double> Optional(const Table& t, const text::Line& line, const std::string& field,
                               const std::string& column, double low, double high) {
  if (field.empty()) return std::nullopt;
  const double v = text::ParseNumber(field, {t.path, line.number, column}, "a number");
  if (v < low || v > high) {
    throw InputError({t.path, line.number, column},
                     fmt::format("expected a number in [{}, {}] but got {}", low, high, v));
  }
  return v;
}

// Whether d-m-y (a four-digit year) is a day of the Gregorian calendar.
bool IsCalendarDate(int d, int m, int y) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12 || d < 1) return false;
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= days[m - 1] + (m == 2 && leap ? 1 : 0);
}

}  // namespace

const DeuActor* DeuData::actor(const std::string& code) const {
  for (const DeuActor& a : actors) {
    if (a.code == code) return &a;
  }
  return nullptr;
}

DeuData ReadDeu(const std::string& dir) {
  DeuData data;
  const Table actors = ReadTable(dir + "/actors.csv");
  {
    const std::size_t code = actors.Column("actor_code"), name = actors.Column("actor_name");
    const std::size_t eu15 = actors.Column("council_votes_eu15_pre2004");
    const std::size_t nice = actors.Column("council_votes_nice_eu27");
    std::set<std::string> seen;
    for (const text::Line& line : actors.rows) {
      const auto f = Fields(actors, line);
      if (!seen.insert(f[code]).second) {
        throw InputError({actors.path, line.number, actors.header[code]},
                         fmt::format("duplicate actor code '{}'", f[code]));
      }
      data.actors.push_back({f[code], f[name],
                             Optional(actors, line, f[eu15], actors.header[eu15], 0, 1e6),
                             Optional(actors, line, f[nice], actors.header[nice], 0, 1e6)});
    }
  }
  const Table issues = ReadTable(dir + "/issues.csv");
  std::map<std::string, std::size_t> index;
  {
    const std::size_t id = issues.Column("issue_id"), proposal = issues.Column("proposal_id");
    const std::size_t name = issues.Column("proposal_name"), procedure = issues.Column("procedure");
    const std::size_t intro = issues.Column("intro_date_ddmmyy");
    const std::size_t reference = issues.Column("reference_point");
    const std::size_t outcome = issues.Column("outcome");
    for (const text::Line& line : issues.rows) {
      const auto f = Fields(issues, line);
      DeuIssue issue;
      issue.id = f[id];
      issue.proposal = f[proposal];
      issue.name = f[name];
      issue.procedure = f[procedure];
      int d = 0, m = 0, y = 0;
      char dash1 = 0, dash2 = 0;
      std::istringstream date(f[intro]);
      const bool parsed = static_cast<bool>(date >> d >> dash1 >> m >> dash2 >> y) &&
                          date.peek() == std::char_traits<char>::eof() && dash1 == '-' &&
                          dash2 == '-' && y >= 0 && (y <= 99 || (y >= 1900 && y <= 2099));
      const int year = y > 99 ? y : (y < 50 ? 2000 + y : 1900 + y);
      if (!parsed || !IsCalendarDate(d, m, year)) {
        throw InputError(
            {issues.path, line.number, issues.header[intro]},
            fmt::format("expected a date dd-mm-yy or dd-mm-yyyy (a day of the calendar) but "
                        "got '{}'",
                        f[intro]));
      }
      issue.day = d;
      issue.month = m;
      issue.year = year;
      issue.reference_point =
          Optional(issues, line, f[reference], issues.header[reference], 0, 100);
      issue.outcome = Optional(issues, line, f[outcome], issues.header[outcome], 0, 100);
      if (!index.emplace(issue.id, data.issues.size()).second) {
        throw InputError({issues.path, line.number, issues.header[id]},
                         fmt::format("duplicate issue id '{}'", issue.id));
      }
      data.issues.push_back(std::move(issue));
    }
  }
  const Table positions = ReadTable(dir + "/positions.csv");
  {
    const std::size_t issue = positions.Column("issue_id"), actor = positions.Column("actor_code");
    const std::size_t position = positions.Column("position");
    const std::size_t salience = positions.Column("salience");
    std::set<std::pair<std::string, std::string>> stated;
    for (const text::Line& line : positions.rows) {
      const auto f = Fields(positions, line);
      if (!stated.emplace(f[issue], f[actor]).second) {
        throw InputError({positions.path, line.number, positions.header[actor]},
                         fmt::format("a second row for actor '{}' on issue '{}'; expected one "
                                     "stance per actor and issue",
                                     f[actor], f[issue]));
      }
      auto it = index.find(f[issue]);
      if (it == index.end()) {
        throw InputError({positions.path, line.number, positions.header[issue]},
                         fmt::format("unknown issue '{}' (not in issues.csv)", f[issue]));
      }
      if (data.actor(f[actor]) == nullptr) {
        throw InputError({positions.path, line.number, positions.header[actor]},
                         fmt::format("unknown actor '{}' (not in actors.csv)", f[actor]));
      }
      const auto x = Optional(positions, line, f[position], positions.header[position], 0, 100);
      const auto s = Optional(positions, line, f[salience], positions.header[salience], 0, 100);
      if (x && s) {
        data.issues[it->second].stances.push_back(
            {f[actor], *x, *s, {positions.path, line.number, ""}});
      }
    }
  }
  return data;
}

}  // namespace concert
