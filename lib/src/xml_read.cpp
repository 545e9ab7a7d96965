// xml_read: being written
