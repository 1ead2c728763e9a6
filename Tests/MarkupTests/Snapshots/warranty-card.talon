---
page: A5
margins: 10mm 12mm
font: DejaVu Sans 9pt
title: Warranty card 2024\-00017
date: 2024-02-29
footer: Page @page of @pages
---
# Warranty card № 2024\-00017

| Model         | IP camera X\-200 \(4 MP\)          |
| Serial number | SN\-4471\-0093                     |
| Date of sale  | 29\.02\.2024                        |
| Valid until   | 28\.02\.2027                        |

@barcode(code128, "SN\-4471\-0093", text: below, height: 12mm)

## The product is not covered if
1. the warranty card is lost;
2. the cable is cut closer than **1 cm** from the plug;
3. seals are missing or damaged \(e\.g\. "cable cut \| 2 dents \#3"\)\.

@align(justify)
Diagnosis takes up to *3 business days*; repair takes up to __14 business days__ when
standard components are damaged.

@signature(Seller) @stamp(М.П.)
@cutline("cut here")
@keep
### Repair coupon 1
@field(Date received)
@field(Failure, value: no picture@br()after storm, style: box)
@checkbox(Seals intact, checked: yes)
@checkbox(Complete set)
@end
