// xml_write: being written
