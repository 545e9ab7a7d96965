// layout_engine: being written
