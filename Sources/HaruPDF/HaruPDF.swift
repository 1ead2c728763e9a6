// HaruPDF: see DESIGN pipeline.
