<%@ page contentType="text/plain; charset=UTF-8" %><%
  Integer visits = (Integer) session.getAttribute("visits");
  visits = visits == null ? 1 : visits + 1;
  session.setAttribute("visits", visits);
%>visits <%= visits %> <%= System.getenv("MEC_INSTANCE") %>
