import Markup
import Warranty

/// A notice as a complete HTML e-mail: a doctype, the UTF-8 charset, the language, the
/// document's title, and the body inside the centred 600-pixel table that e-mail clients
/// (Outlook included, which ignores most CSS layout) lay out the same way.
struct EmailDocument {
    let title: String
    let locale: DocumentLocale
    /// The notice's HTML fragment (`HTMLRenderer`).
    let body: String

    var html: String {
        let font = "font-family:'DejaVu Sans',Arial,Helvetica,sans-serif;font-size:14px;line-height:1.45;color:#1a1a1a"
        return """
        <!DOCTYPE html>
        <html lang="\(locale.rawValue)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLRenderer.escape(title))</title>
        </head>
        <body style="margin:0;padding:0;background:#f4f4f4">
        <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f4f4f4">
        <tr><td align="center" style="padding:16px 8px">
        <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:100%;background:#ffffff">
        <tr><td style="padding:24px;\(font)">
        \(body)</td></tr>
        </table>
        </td></tr>
        </table>
        </body>
        </html>

        """
    }
}
