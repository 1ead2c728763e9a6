// Warranty: see DESIGN pipeline.
