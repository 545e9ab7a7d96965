// schema: being written
