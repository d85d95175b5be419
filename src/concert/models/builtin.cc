// The built-in models. A new model adds one line here (an explicit list: no
// static registration objects for the linker to drop).
#include "concert/models/baseline/baseline.h"
#include "concert/models/bdm/bdm.h"
#include "concert/models/exchange/exchange.h"
#include "concert/models/learned/learned.h"
#include "concert/models/registry.h"
#include "concert/models/smp/smp.h"

namespace concert {

const Registry& Registry::Builtin() {
  static const Registry registry = [] {
    Registry r;
    r.Add(CompromiseInfo(), MakeCompromise);
    r.Add(MedianInfo(), MakeMedian);
    r.Add(NashInfo(), MakeNash);
    r.Add(BdmInfo(), MakeBdm);
    r.Add(ExchangeInfo(), MakeExchange);
    r.Add(SmpInfo(), MakeSmp);
    r.Add(LearnedInfo(), MakeLearned);
    return r;
  }();
  return registry;
}

}  // namespace concert
