<%@ page contentType="text/plain; charset=UTF-8" session="false" %>version <%= application.getInitParameter("app.version") %> <%= System.getenv("MEC_INSTANCE") %>
