"""The frameworks' pages: significance, classifying, the compliance dashboard, tracking from go-live."""
