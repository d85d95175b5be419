// concert/output/order_report.h — the order model's results as HTML (inline
// CSS and SVG, nothing to load): capability shares over the years, the share
// of draws in which the order holds and some actor challenges, Table 2 as a
// 2x2 of shares, Ikenberry's three paths, and with sensitivity what drives
// them.
#pragma once

#include <string>

#include "concert/order/run_order.h"

namespace concert {

std::string OrderReportPage(const OrderResult& result);  // `concert order -f html`
std::string OrderSection(const OrderResult& result);     // a section of `concert report`

}  // namespace concert
