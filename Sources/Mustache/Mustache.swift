// Mustache: see DESIGN pipeline.
