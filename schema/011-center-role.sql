-- 011-center-role: the information and network center's technician
-- (信息与网络管理中心), who provisions cloud VMs and hosted servers and
-- records their addresses (seed 003 art. 19-20; the cloud module).
ALTER TABLE account MODIFY role
  ENUM('unit_staff','unit_head','office','leader','auditor','center') NOT NULL;
