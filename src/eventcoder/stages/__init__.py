"""Pipeline stages: each a plain function that reads an Article and fills some of its fields."""
