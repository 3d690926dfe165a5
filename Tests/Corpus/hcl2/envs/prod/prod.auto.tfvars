image_tag = "2024.06.01-9ab34cd"
