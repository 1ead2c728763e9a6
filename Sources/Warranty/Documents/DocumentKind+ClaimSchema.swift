extension DocumentKind { var claimSchema: JSONValue { .null } }
