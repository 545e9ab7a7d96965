// layout: being written
