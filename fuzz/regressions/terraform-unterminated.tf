resource "aws_mskconnect_connector" "c" {
  connector_configuration = {
    "connector.class" = "x"
    "a" = file("é")
    "b" = "\"
