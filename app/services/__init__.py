"""Services: every write of AfterDesk goes through here, checked against the rules,
inside one transaction, with an audit entry."""
