"""Cases: disputes and after-sales requests, their rules, actions, forms, guides, checklists,
case views and evidence packs."""
