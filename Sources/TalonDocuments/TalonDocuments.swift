// TalonDocuments: see DESIGN pipeline.
