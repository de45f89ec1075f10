"""The conversations workspace: filters bar, thread view, composer, quick-phrase picker,
order side panel. The page that arranges them is ui.pages.conversations_page."""
