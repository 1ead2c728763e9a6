---
page: 100mm x 150mm
orientation: landscape
margins: 5mm 6mm 7mm 8mm
font: DejaVu Serif 10pt
line-height: 1.4
align: justify
author: Service centre
subject: Repair record
keywords: repair, record
header: **Talon** \| repair record
password: secret
user-password: open
permissions: print-only
---
# Heading one
## Heading *two*
### Heading three

Plain paragraph with **bold**, *italic*, __underline__ and ***both***,
an escaped \*star\*, a literal 5 * 3, and page @page of @pages.@br
After a break.

- bullet
* star bullet
  1. nested ordered
  2. second
- last

7. seventh
8. eighth

---

@table(borders: none)
| Work | Qty | Sum |
|:--- 40mm |:---: auto |---: 1fr|
| Diagnosis | 1 | 10.00 |
| @span(2) Total | 10.00 |
| short row |

@field(Name, width: 40mm)
@image("photo.png", width: 30mm)
@barcode(qr, "https://talon.example/c/17", ecc: H, module: 0.6mm, align: center)
@barcode(ean13, 4006381333931, text: none)
@space(5mm)
@pagebreak
@columns(1fr 2fr)
Left column.
@column
- right item
@end
